"""The company's social-media guidelines as versioned data, and the engines that apply them.

Pure and synchronous: nothing here does I/O beyond loading the YAML files, and nothing imports
`bot` or a chat SDK. Entry point: `policy.engine.Engine`.
"""
