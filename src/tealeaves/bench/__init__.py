"""Benchmarks: commands that measure speed and accuracy next to a reference measured in the same run."""
