"""Private helpers of the event coder (detente.coding)."""
