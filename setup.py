"""What pyproject.toml cannot say: the optional C core, and the rules folder shipped in the package.

The extension is optional: where no C compiler is present the install goes on
without it and boilercut runs its pure-Python path (same output, slower).
"""

from setuptools import Extension, find_packages, setup

core = Extension(
    "boilercut.classify._core",
    ["src/boilercut/classify/_core.c"],
    optional=True,
    # No fused multiply-add: the compiled loops must round exactly as the Python ones do.
    extra_compile_args=["-O2", "-ffp-contract=off"],
)

setup(
    packages=[*find_packages("src"), "boilercut._rules"],
    package_dir={"": "src", "boilercut._rules": "rules"},
    ext_modules=[core],
)
