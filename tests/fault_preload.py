"""What the fault harness's forkserver loads once, so each killed writer starts in milliseconds."""
from kbassist import Assistant  # noqa: F401 - imported for the forked writers
from kbassist.embed.embedders import HashEmbedder  # noqa: F401
from kbassist.index import jieba_dict

jieba_dict.load()
