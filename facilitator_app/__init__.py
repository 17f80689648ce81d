"""Wijkdialoog: the NiceGUI app, the store and the command line."""
