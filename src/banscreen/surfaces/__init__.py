"""Readers that turn real inputs into Transactions, and the decision writers."""
