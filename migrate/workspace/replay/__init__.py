"""Reusing the last plan whole when nothing it was made from changed."""
