"""The newslint rule catalogue.

One module per rule. Each module declares its rule with
:func:`newslint.rule.rule`: code, name, severity, message, docs and bad/good
examples that the test suite runs. The catalogue imports every module here.
Declarative house-style packs live in ``packs/``.
"""
