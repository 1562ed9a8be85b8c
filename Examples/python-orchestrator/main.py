"""The app: orchestrator-core with the workshop's Node and Circuit products and workflows.

`uvicorn main:app` serves the REST API under /api; `python main.py db upgrade heads` creates the
schema and registers the products and workflows (migrations/).
"""

from orchestrator import OrchestratorCore
from orchestrator.cli.main import app as core_cli
from orchestrator.settings import AppSettings

import products  # noqa: F401  registers the domain models
import workflows  # noqa: F401  registers the workflows

app = OrchestratorCore(base_settings=AppSettings())

if __name__ == "__main__":
    core_cli()
