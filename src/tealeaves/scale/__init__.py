"""Scale: engine orchestration over Parquet (local single process, local worker pool, Apache Spark).

Sits between analyze and serve: engines read the Parquet interchange format (store/parquet.py), run
the same pure extraction function (extract.Pipeline) and write facts in the same format.
"""
