from app.constants import VALUE_1
