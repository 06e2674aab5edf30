"""The ratchet: fingerprints of usage sites, baselines and the gate built on them."""
