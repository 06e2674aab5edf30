"""idmigrate: libcst codemods that migrate UnifiedIdGenerator to UnifiedIDManager."""

__version__ = "0.1.0"
