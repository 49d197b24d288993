"""The fact tables match their dataclasses: every FACT_TABLES entry round-trips through its table."""

import dataclasses

from tealeaves.model import Definition, Event, Mention, Quote
from tealeaves.store.facts import FACT_TABLES, fact_row


def test_every_fact_table_has_its_dataclass_columns(store):
    for kind, ft in FACT_TABLES.items():
        cols = [r[1] for r in store.conn.execute(f"PRAGMA table_info({ft.table})")]
        missing = set(["doc", *ft.fields, "stage", "version"]) - set(cols)
        assert not missing, (kind, missing)


def test_facts_round_trip(store):
    samples = {
        "mention": Mention(0, 11, "Kim Jong Un", "PERSON", "kim-jong-un", "name"),
        "quote": Quote(40, 60, "words", True, "KCNA", 20, 24, "kcna", "self", "said"),
        "definition": Definition(0, 50, "Chollima", 10, 18, "refers_to", 25, 49),
        "event": Event(
            0,
            80,
            "appearance",
            "inspection",
            "kim-jong-un",
            "Kim Jong Un",
            "a farm",
            "pyongyang",
            "Pyongyang",
            "2012-05-01",
            "published",
            ({"text": "Choe Ryong Hae", "entity": None},),
        ),
    }
    for kind, fact in samples.items():
        ft = FACT_TABLES[kind]
        cols = ", ".join(f'"{c}"' for c in ["doc", *ft.fields, "stage", "version"])
        marks = ", ".join("?" * (len(ft.fields) + 3))
        store.conn.execute(
            f"INSERT INTO {ft.table} ({cols}) VALUES ({marks})", (1, *fact_row(fact), "s", "1")
        )
        row = store.conn.execute(f"SELECT {cols} FROM {ft.table} WHERE doc = 1").fetchone()
        assert row[1 : 1 + len(ft.fields)] == fact_row(fact)
        assert [f.name for f in dataclasses.fields(fact)] == ft.fields
