"""The agent's side: from a pasted message (transcript, triage) to ready replies (suggest, fill,
pre-send checks), personal data masked, and the private suggestion log."""
