"""Auth service: tokens, sessions, audit."""
