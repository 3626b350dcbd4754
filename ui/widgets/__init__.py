"""Shared widgets: on-screen keyboard, PIN pad, hour chart, QR view."""
