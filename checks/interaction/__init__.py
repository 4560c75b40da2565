"""互动回应: consultation channels and replies to the public's messages (one rule per module,
shared reading of the stored messages in :mod:`checks.interaction.messages`)."""
