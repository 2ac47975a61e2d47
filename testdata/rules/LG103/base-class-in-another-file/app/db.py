class EngineConfig:
    pass
