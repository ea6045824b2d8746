"""Benchmarks of kbassist: generated folders, peer engines, quality and speed.

`python -m bench.run` (`make bench`) writes bench/REPORT.md and the plots in
bench/report/; see bench/README.md.
"""
