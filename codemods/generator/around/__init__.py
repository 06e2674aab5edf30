"""What the code around a generator call says: the thread in reach, who reads the ID's text, which
IDs the generator's own parsers check, and the comments a rewrite moves out of the call."""
