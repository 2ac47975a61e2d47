from pydantic import BaseModel


class AppModel(BaseModel):
    pass
