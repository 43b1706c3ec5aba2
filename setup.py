"""Package layout: everything under src/, plus the top-level resources/ folder shipped inside
the wheel as `counselroom.resources` (translations, icons, templates). Metadata is in
pyproject.toml; `paths.resources_dir()` finds the folder in a checkout, a wheel or a frozen build.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "counselroom.resources"],
    package_dir={"": "src", "counselroom.resources": "resources"},
    package_data={
        "counselroom.storage.migrations": ["*.mako"],
        "counselroom.resources": ["**/*"],
    },
    exclude_package_data={"counselroom.resources": ["**/*.sh", "**/__pycache__/*"]},
)
