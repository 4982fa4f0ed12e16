"""boilercut inside the corpus engines teams already run: a datatrove step and a Spark function.

Each is an optional extra (`pip install 'boilercut[datatrove]'`, `'boilercut[spark]'`)
and each is a thin wrapper over a Cleaner, which travels to the workers as its
configuration and is compiled once in each worker process.
"""
