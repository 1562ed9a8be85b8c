"""Workflows validate_node, validate_circuit (target SYSTEM, as orchestrator-core's
validate_workflow runs them) and terminate_node.

Revision ID: 0c1a7e5d0002
Revises: 0c1a7e5d0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0c1a7e5d0002"
down_revision = "0c1a7e5d0001"
branch_labels = None
depends_on = None

# name: (target, description, product)
WORKFLOWS = {
    "terminate_node": ("TERMINATE", "Terminate Node", "Node"),
    "validate_node": ("SYSTEM", "Validate Node", "Node"),
    "validate_circuit": ("SYSTEM", "Validate Circuit", "Circuit"),
}


def upgrade() -> None:
    run = op.get_bind().execute
    for name, (target, description, product) in WORKFLOWS.items():
        run(sa.text("INSERT INTO workflows (name, target, description) VALUES (:n, :t, :d)"),
            {"n": name, "t": target, "d": description})
        run(sa.text("INSERT INTO products_workflows (product_id, workflow_id) VALUES "
                    "((SELECT product_id FROM products WHERE name = :p), "
                    "(SELECT workflow_id FROM workflows WHERE name = :n))"),
            {"p": product, "n": name})


def downgrade() -> None:
    # products_workflows rows go with their workflows (ON DELETE CASCADE).
    op.get_bind().execute(sa.text("DELETE FROM workflows WHERE name = ANY(:n)"), {"n": list(WORKFLOWS)})
