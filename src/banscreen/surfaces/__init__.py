"""Readers that turn real inputs into Transactions: one reader per input format."""
