// End-to-end in Microsoft 365 Agents Playground, headless (playwright-core + Debian's chromium).
//
// Two Playgrounds talk to the same `policybot serve`: A as Alex Wilber (user-id-0, a reporter,
// not a leader) and B as Megan Bowen (user-id-1, the leader). run_playground.sh starts them all.
// Each step asserts what a person would see and saves a screenshot in artifacts/playground/.
//
//   PLAYGROUND_A=http://localhost:56150 PLAYGROUND_B=http://localhost:56151 node playground.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const A_URL = process.env.PLAYGROUND_A || 'http://localhost:56150';
const B_URL = process.env.PLAYGROUND_B || 'http://localhost:56151';
const OUT = process.env.SHOTS || path.resolve(import.meta.dirname, '../../artifacts/playground');
const CANARY = process.env.CANARY || 'CANARY-e2e-7c1f payroll photo posted by the manager';
const QUESTION = "Can I post a photo of a client's shop?";
const DRAFT = 'Projekts Rudzi launches next week at Rimi! Lāči bread is garbage, call me +371 29123456';
const VERDICT_WORDS = [/\bok\b/i, /looks good/i, /no issues/i, /revise/i, /do not post/i];
const CLAUSE_REF = /\([a-z-]+, v\d/; // "(information-protection, v1.0.0)"
const CASE_ID = /\b[A-Z]{2}-\d{4}-\d{3,}\b/;

fs.mkdirSync(OUT, { recursive: true });
const results = [];

function step(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ' — ' + detail : ''}`);
  if (!ok) throw new Error(`${name}: ${detail}`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, name) });
}

async function open(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url, { waitUntil: 'networkidle' });
  return page;
}

async function chat(page, name) {
  await page.getByText(name, { exact: true }).first().click();
  await page.waitForTimeout(700);
}

async function say(page, text) {
  const box = page.locator('[contenteditable="true"][role="textbox"]').first();
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

// In a channel: a new post with an @mention of the bot, then "Post".
async function post(page, text) {
  const box = page.locator('[contenteditable="true"][role="textbox"]').first();
  await box.click();
  await page.keyboard.type('@');
  await page.getByText('Test Bot', { exact: true }).last().click();
  await page.keyboard.type(' ' + text);
  await page.getByRole('button', { name: 'Post' }).click();
}

async function waitText(page, predicate, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const text = await page.innerText('body');
    const found = predicate(text);
    if (found) return found;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const cards = (page) => page.locator('.ac-adaptiveCard');

// The open conversation's text only: without the chat list (it previews last messages) and the
// log panel (it lists every activity).
async function mainText(page) {
  return page.evaluate(() => {
    const nav = document.querySelector('[role="region"][aria-label="Chat and Teams Channel"]');
    let log = [...document.querySelectorAll('div, span')].find((e) => e.childElementCount === 0 && e.textContent.trim() === 'Log Panel');
    while (log && log.parentElement && !log.parentElement.textContent.includes('Type a message')) log = log.parentElement;
    const hidden = [nav, log].filter(Boolean);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const out = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!hidden.some((h) => h.contains(node))) out.push(node.textContent);
    }
    return out.join(' ');
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  // The leader opens her 1:1 chat first: the bot stores her conversation reference.
  const leader = await open(browser, B_URL);
  await chat(leader, 'Personal Chat');
  const alex = await open(browser, A_URL);

  // 1. A question in the 1:1 chat gets an answer card citing the clause and policy version.
  await chat(alex, 'Personal Chat');
  await say(alex, QUESTION);
  await waitText(alex, (t) => t.includes('Show clause'), 'the answer card');
  const answer = await cards(alex).last().innerText();
  step('question answered with a citation', CLAUSE_REF.test(answer), answer.split('\n').slice(0, 2).join(' '));
  await shot(alex, '01-question-answer.png');

  // 2. review <draft> gets a verdict card: verdict, quoted words, clause, why, fix, buttons.
  const before = await cards(alex).count();
  await say(alex, 'review ' + DRAFT);
  await waitText(alex, (t) => t.includes('This verdict is wrong') && t.split('This verdict is wrong').length > 1, 'the verdict card');
  await alex.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before);
  const verdict = await cards(alex).last().innerText();
  step('review gets a verdict card', /Do not post this|Revise before posting|looks good/.test(verdict) && CLAUSE_REF.test(verdict)
    && /Why:/.test(verdict) && /Fix:/.test(verdict), verdict.split('\n')[0]);
  await shot(alex, '02-review-verdict.png');

  // 3. An @mention in the team channel: the answer goes to the 1:1 chat, the channel gets a note.
  await chat(alex, 'General');
  await post(alex, 'review ' + DRAFT);
  await waitText(alex, (t) => t.includes('answered you in our private chat'), 'the channel note');
  await alex.waitForTimeout(800);
  const channel = await mainText(alex);
  const noteLeaks = VERDICT_WORDS.filter((re) => re.test(channel)).map(String)
    .concat(CLAUSE_REF.test(channel) ? ['a clause reference'] : [])
    .concat((await cards(alex).count()) ? ['a card'] : []);
  step('channel gets only a contentless note', noteLeaks.length === 0, noteLeaks.join(', '));
  await shot(alex, '03-channel-mention-note.png');
  await chat(alex, 'Personal Chat');
  await alex.waitForTimeout(800);
  const privateVerdict = await cards(alex).last().innerText();
  step('the @mention was answered privately in the 1:1 chat',
    /Do not post this|Revise before posting/.test(privateVerdict) && CLAUSE_REF.test(privateVerdict));
  await shot(alex, '04-private-answer.png');

  // 4. report: the inline form card, filled by input type and label, submitted; the case id
  //    replaces the card and nothing typed stays on screen.
  const formsBefore = await cards(alex).count();
  await say(alex, 'report');
  await alex.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, formsBefore);
  const form = cards(alex).last();
  await form.getByRole('combobox').click();
  await alex.getByRole('option').first().click();
  await form.locator('textarea').fill(CANARY);
  await form.locator('input[type=url]').fill('https://example.com/post/42');
  await shot(alex, '05-report-form.png');
  const started = Date.now();
  await form.getByRole('button', { name: 'Send privately' }).click();
  const caseId = (await waitText(alex, (t) => t.match(/Case id: ([A-Z]{2}-\d{4}-\d{3,})/), 'the case id', 5000))[1];
  step('case id reaches the reporter within 5 s', Date.now() - started < 5000, `${caseId} after ${Date.now() - started} ms`);
  await alex.waitForTimeout(500);
  step('the form card was replaced, the report is not echoed', !(await mainText(alex)).includes(CANARY)
    && (await alex.locator('textarea').count()) === 0);
  await shot(alex, '06-report-receipt.png');

  // 5. The leader gets a 1:1 message with the case id and an "Open case" button; the content
  //    shows only after the click (the leader check), with acknowledge / reply / close.
  await waitText(leader, (t) => t.includes(caseId), 'the leader notification', 10000);
  const openButton = leader.getByRole('button', { name: 'Open case' }).last();
  step('leader notified privately with the case id and an Open case button',
    (await openButton.count()) === 1 && !(await mainText(leader)).includes(CANARY));
  await shot(leader, '07-leader-notice.png');
  await openButton.click();
  await waitText(leader, (t) => t.includes(CANARY), 'the case content for the leader');
  step('the leader sees the report after opening the case', true, caseId);
  await shot(leader, '08-leader-case.png');
  await leader.getByRole('button', { name: 'Acknowledge' }).last().click();
  await waitText(leader, (t) => t.includes('acknowledged by leadership'), 'the acknowledgement');
  await shot(leader, '09-leader-acknowledged.png');

  // 6. Someone else asking for the same case sees nothing of it; the channel shows nothing of it.
  await say(alex, `open ${caseId}`);
  // (The router may answer a two-word message in Latvian: either refusal will do.)
  await waitText(alex, (t) => t.includes(`You can't see case ${caseId}`) || t.includes(`nevarat skatīt lietu ${caseId}`), 'the refusal');
  step('a non-leader opening the case sees nothing', !(await alex.innerText('body')).includes(CANARY));
  await shot(alex, '10-non-leader-refused.png');
  await chat(alex, 'General');
  await alex.waitForTimeout(800);
  const after = await mainText(alex);
  step('nothing about the report appears in the channel', !after.includes(CANARY) && !CASE_ID.test(after));
  await shot(alex, '11-channel-after-report.png');
} catch (error) {
  failed = true;
  console.error(`FAIL ${error.message}`);
  for (const [i, page] of browser.contexts().flatMap((c) => c.pages()).entries()) {
    await page.screenshot({ path: path.join(OUT, `failure-${i}.png`) }).catch(() => {});
  }
} finally {
  await browser.close();
}
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
console.log(`${results.filter((r) => r.ok).length} passed, ${failed ? 1 : 0} failed`);
process.exit(failed ? 1 : 0);
