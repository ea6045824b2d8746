"""Keeping what kbassist stores about customers private to the user who stored it.

`files`: folders and files readable by their owner only (0700 / 0600).
`keys`: the data key, in the OS keyring, or in a private key file where no keyring works.
`crypto`: authenticated encryption of each stored text with that key.
What is stored where, for how long and why is in the README's "Privacy" section.
"""
