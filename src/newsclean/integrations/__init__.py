"""Integrations with data-processing engines, each behind an optional extra.

- :mod:`newsclean.integrations.datatrove`: a datatrove pipeline step
  (``pip install 'newsclean[datatrove]'``);
- :mod:`newsclean.integrations.spark`: a ``mapPartitions`` function and a pandas UDF for
  Apache Spark (``pip install 'newsclean[spark]'``).

Importing :mod:`newsclean` never imports these engines; import the submodule you need.
"""
