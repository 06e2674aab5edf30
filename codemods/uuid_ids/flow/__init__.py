"""Where a ``uuid4()`` value goes inside its file, and what that says about it (stdlib ``ast``)."""
