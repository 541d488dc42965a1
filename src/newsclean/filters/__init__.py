"""The built-in filters, one module each; the module name is the registered name."""
