from pydantic import BaseModel


class Model(BaseModel):
    a: int

    def f(self) -> int:
        reveal_type(self)
        return self.a
