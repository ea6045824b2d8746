"""whoosh's pickles read by an unpickler that builds whoosh's classes and plain data, nothing else.

whoosh keeps its schema, its list of segments and parts of its postings as
pickles in the index folder, and reads them with `pickle.load`: a planted
file there would run any code on the next search, and an index folder may
sit on a shared or synced drive (issue #17). whoosh has no hook for this,
so `install()` replaces the unpickling functions its modules imported with
ones whose `find_class` only returns:

- classes of the whoosh modules a keyword index is made of (fields,
  formats, analysis, codecs, language tools) and of our analyzer module;
- a few harmless builtins pickles of plain data need (containers, numbers,
  `_codecs.encode` for bytes in protocol 2, `copyreg._reconstructor`).

Anything else raises `Refused` (an `UnpicklingError`): the keyword index is
then unreadable, and the index directory rebuilds it like a corrupt one.
"""
from __future__ import annotations

import importlib
import io
import pickle
import sys
import types

# Modules whose classes whoosh's pickles may name (prefixes), and the modules that read pickles.
CLASS_MODULES = ("whoosh.fields", "whoosh.formats", "whoosh.analysis", "whoosh.codec", "whoosh.lang",
                 "kbassist.index.analysis")
READERS = ("whoosh.index", "whoosh.codec.whoosh3", "whoosh.filedb.structfile", "whoosh.filedb.compound",
           "whoosh.filedb.filetables", "whoosh.columns", "whoosh.formats", "whoosh.automata.fst",
           "whoosh.util.loading")
PLAIN = frozenset({
    *(("builtins", name) for name in ("frozenset", "set", "int", "float", "str", "bytes", "bytearray", "list",
                                      "dict", "tuple", "bool", "complex", "object")),
    ("_codecs", "encode"), ("collections", "defaultdict"), ("collections", "OrderedDict"),
    ("copyreg", "_reconstructor"), ("array", "array"), ("array", "_array_reconstructor"),
})
PY2_NAMES = types.MappingProxyType({"__builtin__": "builtins", "copy_reg": "copyreg"})


class Refused(pickle.UnpicklingError):
    """A pickle in the index named something other than whoosh's classes or plain data."""


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        module = PY2_NAMES.get(module, module)
        if (module, name) in PLAIN:
            return super().find_class(module, name)
        if "." not in name and module.startswith(CLASS_MODULES):
            found = super().find_class(module, name)
            if isinstance(found, type) and found.__module__.startswith(CLASS_MODULES):
                return found
        raise Refused(f"the keyword index names {module}.{name}, which it never holds")


def load(file, **options):
    return _Unpickler(file, **options).load()


def loads(data, **options):
    return _Unpickler(io.BytesIO(data), **options).load()


def install() -> None:
    """Make every whoosh module that reads pickles use `load`/`loads` above (idempotent)."""
    for name in READERS:
        importlib.import_module(name)
    safe_module = types.SimpleNamespace(**{k: getattr(pickle, k) for k in dir(pickle) if not k.startswith("_")})
    safe_module.load, safe_module.loads, safe_module.Unpickler = load, loads, _Unpickler
    for name, module in list(sys.modules.items()):
        if not name.startswith("whoosh") or module is None:
            continue
        for attribute, value in list(vars(module).items()):
            if value is pickle.load:
                setattr(module, attribute, load)
            elif value is pickle.loads:
                setattr(module, attribute, loads)
            elif value is pickle:
                setattr(module, attribute, safe_module)
