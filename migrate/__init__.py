"""idmigrate: libcst codemods that migrate UnifiedIdGenerator to UnifiedIDManager."""
