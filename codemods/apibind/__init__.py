"""Rules bound to the generator and the manager of the repository at hand (see ``bind``)."""
