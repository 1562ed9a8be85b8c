"""Products Node and Circuit, their product blocks and resource types, and the workflows.

Revision ID: 0c1a7e5d0001
Revises: (orchestrator-core's schema, da5c9f4cce1c)
"""

import sqlalchemy as sa
from alembic import op

revision = "0c1a7e5d0001"
down_revision = None
branch_labels = ("data",)
depends_on = "da5c9f4cce1c"

PRODUCTS = {"Node": ["Node"], "Circuit": ["Circuit"]}
FIXED_INPUTS = {"Circuit": {"speed": "100G"}}
BLOCKS = {
    "Node": {"node_id": "Node ID", "node_name": "Node Name", "node_status": "Node Status",
             "ipv4_loopback": "IPv4 Loopback", "ipv6_loopback": "IPv6 Loopback"},
    "Port": {"port_id": "Port ID", "port_name": "Port Name", "port_description": "Port Description"},
    "Layer 3 Interface": {"v6_ip_address": "IPv6 Address"},
    "Circuit": {"circuit_id": "Circuit ID", "circuit_status": "Circuit Status",
                "circuit_description": "Circuit Description", "under_maintenance": "Under Maintenance"},
}
# (in use by, depends on)
BLOCK_RELATIONS = [("Circuit", "Layer 3 Interface"), ("Layer 3 Interface", "Port"), ("Port", "Node")]
# name: (target, description, product)
WORKFLOWS = {
    "create_node": ("CREATE", "Create Node", "Node"),
    "create_circuit": ("CREATE", "Create Circuit", "Circuit"),
    "modify_circuit": ("MODIFY", "Modify the circuit maintenance state", "Circuit"),
    "terminate_circuit": ("TERMINATE", "Terminate the circuit", "Circuit"),
}

BLOCK_ID = "(SELECT product_block_id FROM product_blocks WHERE name = :{})"
PRODUCT_ID = "(SELECT product_id FROM products WHERE name = :product)"


def upgrade() -> None:
    run = op.get_bind().execute
    for block, resources in BLOCKS.items():
        run(sa.text("INSERT INTO product_blocks (name, description, tag, status) VALUES (:b, :b, :b, 'active')"),
            {"b": block})
        for resource, description in resources.items():
            run(sa.text("INSERT INTO resource_types (resource_type, description) VALUES (:r, :d) ON CONFLICT DO NOTHING"),
                {"r": resource, "d": description})
            run(sa.text(f"INSERT INTO product_block_resource_types (product_block_id, resource_type_id) VALUES "
                        f"({BLOCK_ID.format('b')}, (SELECT resource_type_id FROM resource_types WHERE resource_type = :r))"),
                {"b": block, "r": resource})
    for in_use_by, depends_on in BLOCK_RELATIONS:
        run(sa.text(f"INSERT INTO product_block_relations (in_use_by_id, depends_on_id) VALUES "
                    f"({BLOCK_ID.format('u')}, {BLOCK_ID.format('d')})"), {"u": in_use_by, "d": depends_on})
    for product, blocks in PRODUCTS.items():
        run(sa.text("INSERT INTO products (name, description, product_type, tag, status) "
                    "VALUES (:product, :product, :product, :product, 'active')"), {"product": product})
        for block in blocks:
            run(sa.text(f"INSERT INTO product_product_blocks (product_id, product_block_id) "
                        f"VALUES ({PRODUCT_ID}, {BLOCK_ID.format('b')})"), {"product": product, "b": block})
        for name, value in FIXED_INPUTS.get(product, {}).items():
            run(sa.text(f"INSERT INTO fixed_inputs (name, value, product_id) VALUES (:n, :v, {PRODUCT_ID})"),
                {"n": name, "v": value, "product": product})
    for name, (target, description, product) in WORKFLOWS.items():
        run(sa.text("INSERT INTO workflows (name, target, description) VALUES (:n, :t, :d)"),
            {"n": name, "t": target, "d": description})
        run(sa.text(f"INSERT INTO products_workflows (product_id, workflow_id) VALUES "
                    f"({PRODUCT_ID}, (SELECT workflow_id FROM workflows WHERE name = :n))"),
            {"product": product, "n": name})


def downgrade() -> None:
    run = op.get_bind().execute
    run(sa.text("DELETE FROM workflows WHERE name = ANY(:n)"), {"n": list(WORKFLOWS)})
    run(sa.text("DELETE FROM products WHERE name = ANY(:n)"), {"n": list(PRODUCTS)})
    run(sa.text("DELETE FROM product_blocks WHERE name = ANY(:n)"), {"n": list(BLOCKS)})
    run(sa.text("DELETE FROM resource_types WHERE resource_type = ANY(:n)"),
        {"n": [r for resources in BLOCKS.values() for r in resources]})
