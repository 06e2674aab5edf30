"""A toy ORM in the shape of SQLAlchemy's declarative models (``Column(UUID, primary_key=True,
default=...)``). ``save`` checks UUID columns the way a database with a ``UUID`` column type does
and sends the row to ``shared.infra`` (it would reach the database)."""

from __future__ import annotations

import uuid
from typing import Any, Callable, Dict, List, Optional

from shared.infra import send

TABLES: Dict[str, List[Dict[str, Any]]] = {}


class String:
    """A text column type."""


class UUID:
    """A UUID column type: the database rejects anything that does not parse as a UUID."""


class Column:
    def __init__(self, type_: type, primary_key: bool = False, default: Optional[Callable[[], Any]] = None) -> None:
        self.type_ = type_
        self.primary_key = primary_key
        self.default = default


class Model:
    __tablename__ = ""

    def __init__(self, **values: Any) -> None:
        for name, column in self.columns().items():
            value = values.get(name)
            if value is None and column.default is not None:
                value = column.default()
            setattr(self, name, value)

    @classmethod
    def columns(cls) -> Dict[str, Column]:
        found: Dict[str, Column] = {}
        for klass in reversed(cls.__mro__):
            found.update({k: v for k, v in vars(klass).items() if isinstance(v, Column)})
        return found

    def save(self) -> "Model":
        row = {name: getattr(self, name) for name in self.columns()}
        for name, column in self.columns().items():
            if column.type_ is UUID and row[name] is not None:
                uuid.UUID(str(row[name]))  # the database would refuse the row
        TABLES.setdefault(self.__tablename__, []).append(row)
        send(f"db:{self.__tablename__}", row)
        return self
