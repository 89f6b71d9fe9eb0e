// The client side of sync: pushing the outbox and pulling changes.
