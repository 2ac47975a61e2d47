__all__ = ['Maybe']
globals()['Maybe'] = 1
