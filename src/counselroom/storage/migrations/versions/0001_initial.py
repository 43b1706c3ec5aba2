# ruff: noqa: E501
"""Initial schema: every table of the vault.

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(), nullable=True),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("mac", sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_action"), "audit_log", ["action"], unique=False)
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index(op.f("ix_audit_log_target"), "audit_log", ["target"], unique=False)
    op.create_table(
        "institutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("department", sa.String(), server_default="", nullable=False),
        sa.Column("address", sa.String(), server_default="", nullable=False),
        sa.Column("phone", sa.String(), server_default="", nullable=False),
        sa.Column("contact", sa.String(), server_default="", nullable=False),
        sa.Column("green_channel_contact", sa.String(), server_default="", nullable=False),
        sa.Column("hours", sa.String(), server_default="", nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('hospital', 'hotline', 'service')", name=op.f("ck_institutions_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institutions")),
    )
    op.create_table(
        "school_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("age_identity", sa.String(), nullable=False),
        sa.Column("age_recipient", sa.String(), nullable=False),
        sa.Column("signing_private", sa.LargeBinary(), nullable=False),
        sa.Column("signing_public", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_identity")),
    )
    op.create_table(
        "school_profile",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("code", sa.String(), server_default="", nullable=False),
        sa.Column("district", sa.String(), server_default="", nullable=False),
        sa.Column("address", sa.String(), server_default="", nullable=False),
        sa.Column("phone", sa.String(), server_default="", nullable=False),
        sa.Column("partner_hospital", sa.String(), server_default="", nullable=False),
        sa.Column("district_contact", sa.String(), server_default="", nullable=False),
        sa.Column("school_type", sa.String(), server_default="junior", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "school_type IN ('primary', 'junior', 'senior', 'complete')",
            name=op.f("ck_school_profile_school_type"),
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_school_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_profile")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), server_default="", nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "role IN ('head_teacher', 'subject_teacher', 'moral_education', 'safety_office', 'vice_principal', 'principal', 'psychology_teacher', 'grade_leader', 'other')",
            name=op.f("ck_staff_role"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_index(op.f("ix_staff_name"), "staff", ["name"], unique=False)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("display_name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("disabled_at", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("role IN ('admin', 'counsellor', 'viewer')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("grade_level", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("head_teacher_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("grade_level BETWEEN 1 AND 12", name=op.f("ck_classes_grade_level")),
        sa.CheckConstraint("number > 0", name=op.f("ck_classes_number")),
        sa.ForeignKeyConstraint(
            ["head_teacher_id"],
            ["staff.id"],
            name=op.f("fk_classes_head_teacher_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classes")),
        sa.UniqueConstraint("grade_level", "number", name=op.f("uq_classes_grade_level")),
    )
    op.create_table(
        "group_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("topic", sa.String(), nullable=False),
        sa.Column("audience", sa.String(), server_default="", nullable=False),
        sa.Column("count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("leader", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('group_counselling', 'lecture')", name=op.f("ck_group_activities_kind")
        ),
        sa.CheckConstraint("count >= 0", name=op.f("ck_group_activities_count")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_group_activities_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_activities")),
    )
    op.create_index(op.f("ix_group_activities_on"), "group_activities", ["on"], unique=False)
    op.create_table(
        "notice_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_notice_templates_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_templates")),
        sa.UniqueConstraint("kind", "version", name=op.f("uq_notice_templates_kind")),
    )
    op.create_table(
        "policy_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_policy_settings_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_settings")),
        sa.UniqueConstraint("version", name=op.f("uq_policy_settings_version")),
    )
    op.create_table(
        "school_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("code", sa.String(), server_default="", nullable=False),
        sa.Column("district", sa.String(), server_default="", nullable=False),
        sa.Column("age_recipient", sa.String(), nullable=False),
        sa.Column("signing_public", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.Column("trusted_by_id", sa.Integer(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["trusted_by_id"], ["users.id"], name=op.f("fk_school_cards_trusted_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_cards")),
    )
    op.create_index(
        op.f("ix_school_cards_fingerprint"), "school_cards", ["fingerprint"], unique=False
    )
    op.create_table(
        "screening_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("term", sa.String(), nullable=False),
        sa.Column("grades", sa.String(), server_default="", nullable=False),
        sa.Column("consent_ref", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "instrument IN ('phq9', 'gad7', 'mht')", name=op.f("ck_screening_batches_instrument")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_screening_batches_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_batches")),
    )
    op.create_index(op.f("ix_screening_batches_on"), "screening_batches", ["on"], unique=False)
    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("counterpart", sa.String(), nullable=False),
        sa.Column("counterpart_fingerprint", sa.String(), nullable=True),
        sa.Column("method", sa.String(), server_default="card", nullable=False),
        sa.Column("purpose", sa.String(), nullable=False),
        sa.Column("consent_ref", sa.String(), server_default="", nullable=False),
        sa.Column("archive_sha256", sa.String(), nullable=False),
        sa.Column("student_count", sa.Integer(), nullable=False),
        sa.Column("detail_json", sa.Text(), server_default="{}", nullable=False),
        sa.CheckConstraint(
            "direction IN ('export', 'import')", name=op.f("ck_transfers_direction")
        ),
        sa.CheckConstraint("method IN ('card', 'passphrase')", name=op.f("ck_transfers_method")),
        sa.ForeignKeyConstraint(["by_id"], ["users.id"], name=op.f("fk_transfers_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfers")),
    )
    op.create_table(
        "students",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_no", sa.String(), nullable=True),
        sa.Column("id_type", sa.String(), nullable=True),
        sa.Column("id_number", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_pinyin", sa.String(), nullable=True),
        sa.Column("gender", sa.String(), server_default="U", nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("ethnicity", sa.String(), nullable=True),
        sa.Column("grade_level", sa.Integer(), nullable=True),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("class_label_original", sa.String(), nullable=True),
        sa.Column("roll_no", sa.String(), nullable=True),
        sa.Column("address", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("status", sa.String(), server_default="enrolled", nullable=False),
        sa.Column("file_state", sa.String(), server_default="none", nullable=False),
        sa.Column("tier", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_follow_up", sa.Date(), nullable=True),
        sa.Column("file_opened_at", sa.DateTime(), nullable=True),
        sa.Column("keeper_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "file_state IN ('none', 'open', 'closed')", name=op.f("ck_students_file_state")
        ),
        sa.CheckConstraint("gender IN ('M', 'F', 'U')", name=op.f("ck_students_gender")),
        sa.CheckConstraint(
            "status IN ('enrolled', 'on_leave', 'transferred', 'graduated')",
            name=op.f("ck_students_status"),
        ),
        sa.CheckConstraint("grade_level BETWEEN 1 AND 12", name=op.f("ck_students_grade_level")),
        sa.CheckConstraint("tier BETWEEN 0 AND 3", name=op.f("ck_students_tier")),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["classes.id"],
            name=op.f("fk_students_class_id_classes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["keeper_id"],
            ["users.id"],
            name=op.f("fk_students_keeper_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_students")),
    )
    op.create_index(op.f("ix_students_class_id"), "students", ["class_id"], unique=False)
    op.create_index(
        "ix_students_file_state_next_follow_up",
        "students",
        ["file_state", "next_follow_up"],
        unique=False,
    )
    op.create_index(op.f("ix_students_name"), "students", ["name"], unique=False)
    op.create_index(op.f("ix_students_status"), "students", ["status"], unique=False)
    op.create_index(op.f("ix_students_student_no"), "students", ["student_no"], unique=True)
    op.create_index(op.f("ix_students_tier"), "students", ["tier"], unique=False)
    op.create_table(
        "closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("sessions_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("goals_achieved", sa.Text(), nullable=False),
        sa.Column("goals_not_achieved", sa.Text(), nullable=True),
        sa.Column("last_scores", sa.Text(), nullable=True),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("district_evaluation", sa.Text(), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reopened_at", sa.DateTime(), nullable=True),
        sa.Column("reopen_reason", sa.Text(), nullable=True),
        sa.Column("reopened_by_id", sa.Integer(), nullable=True),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "reason IN ('goals_met', 'transferred', 'graduated', 'referred', 'lost', 'other')",
            name=op.f("ck_closures_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f("fk_closures_closed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["reopened_by_id"], ["users.id"], name=op.f("fk_closures_reopened_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_closures_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closures")),
    )
    op.create_index(op.f("ix_closures_student_id"), "closures", ["student_id"], unique=False)
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(), nullable=False),
        sa.Column("guardian_name", sa.String(), nullable=False),
        sa.Column("relation", sa.String(), server_default="", nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("text_version", sa.String(), nullable=False),
        sa.Column("witness", sa.String(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("reference", sa.String(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "method IN ('paper', 'in_person', 'phone', 'message')", name=op.f("ck_consents_method")
        ),
        sa.CheckConstraint(
            "purpose IN ('screening', 'referral', 'transfer')", name=op.f("ck_consents_purpose")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_consents_recorded_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_consents_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    op.create_index(op.f("ix_consents_student_id"), "consents", ["student_id"], unique=False)
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.CheckConstraint("action IN ('print', 'save')", name=op.f("ck_documents_action")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_documents_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_documents_student_id_students"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index(op.f("ix_documents_student_id"), "documents", ["student_id"], unique=False)
    op.create_table(
        "guardians",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("relation", sa.String(), server_default="", nullable=False),
        sa.Column("phone", sa.String(), server_default="", nullable=False),
        sa.Column("is_guardian", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_guardians_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guardians")),
    )
    op.create_index(op.f("ix_guardians_student_id"), "guardians", ["student_id"], unique=False)
    op.create_table(
        "leaves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(), server_default="on_leave", nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("expected_return_on", sa.Date(), nullable=True),
        sa.Column("certificate", sa.Text(), server_default="", nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "state IN ('on_leave', 'returned', 'cancelled')", name=op.f("ck_leaves_state")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_leaves_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_leaves_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leaves")),
    )
    op.create_index(op.f("ix_leaves_student_id"), "leaves", ["student_id"], unique=False)
    op.create_table(
        "parent_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("with_whom", sa.String(), server_default="", nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("agreed", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('meeting', 'home_visit', 'phone', 'message', 'parents_meeting')",
            name=op.f("ck_parent_contacts_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_parent_contacts_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_parent_contacts_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parent_contacts")),
    )
    op.create_index(
        op.f("ix_parent_contacts_student_id"), "parent_contacts", ["student_id"], unique=False
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("assessment", sa.Text(), nullable=False),
        sa.Column("risk_factors", sa.Text(), server_default="", nullable=False),
        sa.Column("protective_factors", sa.Text(), server_default="", nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=True),
        sa.Column("origin", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_plans_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_plans_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("student_id", "version", name=op.f("uq_plans_student_id")),
    )
    op.create_table(
        "screening_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("answers_json", sa.Text(), nullable=True),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("scales_json", sa.Text(), nullable=True),
        sa.Column("lie_score", sa.Integer(), nullable=True),
        sa.Column("band", sa.String(), nullable=True),
        sa.Column("flags_json", sa.Text(), server_default="[]", nullable=False),
        sa.Column("valid", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.Column("item9", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["screening_batches.id"],
            name=op.f("fk_screening_results_batch_id_screening_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_screening_results_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_results")),
        sa.UniqueConstraint("batch_id", "student_id", name=op.f("uq_screening_results_batch_id")),
    )
    op.create_index(
        op.f("ix_screening_results_student_id"), "screening_results", ["student_id"], unique=False
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(), server_default="in_person", nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("participants", sa.Text(), nullable=True),
        sa.Column("presenting", sa.Text(), server_default="", nullable=False),
        sa.Column("observation", sa.Text(), server_default="", nullable=False),
        sa.Column("assessment", sa.Text(), server_default="", nullable=False),
        sa.Column("plan_text", sa.Text(), server_default="", nullable=False),
        sa.Column("risk_check", sa.String(), server_default="none", nullable=False),
        sa.Column("next_appointment", sa.DateTime(), nullable=True),
        sa.Column("counsellor_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('interview', 'individual', 'group', 'crisis', 'family', 'home_visit')",
            name=op.f("ck_sessions_kind"),
        ),
        sa.CheckConstraint(
            "mode IN ('in_person', 'phone', 'online')", name=op.f("ck_sessions_mode")
        ),
        sa.CheckConstraint(
            "risk_check IN ('none', 'self_harm', 'harm_others')",
            name=op.f("ck_sessions_risk_check"),
        ),
        sa.CheckConstraint("duration_min >= 0", name=op.f("ck_sessions_duration_min")),
        sa.ForeignKeyConstraint(
            ["counsellor_id"], ["users.id"], name=op.f("fk_sessions_counsellor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_sessions_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    op.create_index(op.f("ix_sessions_started_at"), "sessions", ["started_at"], unique=False)
    op.create_index(
        "ix_sessions_student_id_started_at", "sessions", ["student_id", "started_at"], unique=False
    )
    op.create_table(
        "student_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("note", sa.String(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_student_groups_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_student_groups")),
        sa.UniqueConstraint("student_id", "code", name=op.f("uq_student_groups_student_id")),
    )
    op.create_index(op.f("ix_student_groups_code"), "student_groups", ["code"], unique=False)
    op.create_table(
        "tier_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("from_tier", sa.Integer(), nullable=False),
        sa.Column("to_tier", sa.Integer(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence_kind", sa.String(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "evidence_kind IN ('interview', 'screening', 'report', 'hospital', 'other')",
            name=op.f("ck_tier_changes_evidence_kind"),
        ),
        sa.CheckConstraint("from_tier BETWEEN 0 AND 3", name=op.f("ck_tier_changes_from_tier")),
        sa.CheckConstraint("to_tier BETWEEN 0 AND 3", name=op.f("ck_tier_changes_to_tier")),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_tier_changes_decided_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_tier_changes_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_changes")),
    )
    op.create_index(
        "ix_tier_changes_student_id_effective_on",
        "tier_changes",
        ["student_id", "effective_on"],
        unique=False,
    )
    op.create_table(
        "break_glass_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("head_teacher_informed_at", sa.DateTime(), nullable=True),
        sa.Column("guardian_informed_at", sa.DateTime(), nullable=True),
        sa.Column("informed_by_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["informed_by_id"],
            ["users.id"],
            name=op.f("fk_break_glass_records_informed_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_break_glass_records_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_break_glass_records_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_glass_records")),
    )
    op.create_index(
        op.f("ix_break_glass_records_session_id"),
        "break_glass_records",
        ["session_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_break_glass_records_student_id"),
        "break_glass_records",
        ["student_id"],
        unique=False,
    )
    op.create_table(
        "concerns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("reporter", sa.String(), server_default="", nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("screening_result_id", sa.Integer(), nullable=True),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "source IN ('head_teacher', 'subject_teacher', 'peer', 'parent', 'self', 'screening', 'hospital', 'police', 'observation', 'other')",
            name=op.f("ck_concerns_source"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_concerns_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["screening_result_id"],
            ["screening_results.id"],
            name=op.f("fk_concerns_screening_result_id_screening_results"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_concerns_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concerns")),
    )
    op.create_index(op.f("ix_concerns_student_id"), "concerns", ["student_id"], unique=False)
    op.create_table(
        "notification_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("tier_change_id", sa.Integer(), nullable=True),
        sa.Column("recipient_role", sa.String(), nullable=False),
        sa.Column("person", sa.String(), server_default="", nullable=False),
        sa.Column("method", sa.String(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by_id", sa.Integer(), nullable=True),
        sa.Column("done_method", sa.String(), nullable=True),
        sa.Column("acknowledgement", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "done_method IN ('in_person', 'phone', 'message', 'letter', 'meeting')",
            name=op.f("ck_notification_tasks_done_method"),
        ),
        sa.CheckConstraint(
            "method IN ('in_person', 'phone', 'message', 'letter', 'meeting')",
            name=op.f("ck_notification_tasks_method"),
        ),
        sa.ForeignKeyConstraint(
            ["done_by_id"], ["users.id"], name=op.f("fk_notification_tasks_done_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_notification_tasks_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tier_change_id"],
            ["tier_changes.id"],
            name=op.f("fk_notification_tasks_tier_change_id_tier_changes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_tasks")),
    )
    op.create_index(
        "ix_notification_tasks_done_at_due_at",
        "notification_tasks",
        ["done_at", "due_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_notification_tasks_student_id"), "notification_tasks", ["student_id"], unique=False
    )
    op.create_index(
        op.f("ix_notification_tasks_tier_change_id"),
        "notification_tasks",
        ["tier_change_id"],
        unique=False,
    )
    op.create_table(
        "plan_measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("person", sa.String(), nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("frequency", sa.String(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_measures_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_measures")),
    )
    op.create_index(op.f("ix_plan_measures_plan_id"), "plan_measures", ["plan_id"], unique=False)
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(), server_default="routine", nullable=False),
        sa.Column("state", sa.String(), server_default="proposed", nullable=False),
        sa.Column("proposed_on", sa.Date(), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("seen_on", sa.Date(), nullable=True),
        sa.Column("feedback_on", sa.Date(), nullable=True),
        sa.Column("feedback_text", sa.Text(), nullable=True),
        sa.Column("diagnosis_received", sa.Text(), nullable=True),
        sa.Column("treatment", sa.Text(), nullable=True),
        sa.Column("advice", sa.Text(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.CheckConstraint(
            "state IN ('proposed', 'consent_pending', 'consent_given', 'consent_refused', 'sent', 'seen', 'feedback', 'closed', 'withdrawn')",
            name=op.f("ck_referrals_state"),
        ),
        sa.CheckConstraint(
            "urgency IN ('routine', 'urgent', 'emergency')", name=op.f("ck_referrals_urgency")
        ),
        sa.ForeignKeyConstraint(
            ["consent_id"],
            ["consents.id"],
            name=op.f("fk_referrals_consent_id_consents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_referrals_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institutions.id"],
            name=op.f("fk_referrals_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_referrals_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    op.create_index(
        op.f("ix_referrals_institution_id"), "referrals", ["institution_id"], unique=False
    )
    op.create_index(op.f("ix_referrals_state"), "referrals", ["state"], unique=False)
    op.create_index(op.f("ix_referrals_student_id"), "referrals", ["student_id"], unique=False)
    op.create_table(
        "returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("leave_id", sa.Integer(), nullable=False),
        sa.Column("application_on", sa.Date(), nullable=True),
        sa.Column("recovery_certificate", sa.Text(), nullable=True),
        sa.Column("missing_certificate_reason", sa.Text(), nullable=True),
        sa.Column("assessment", sa.Text(), nullable=False),
        sa.Column("meeting_on", sa.Date(), nullable=True),
        sa.Column("return_plan", sa.Text(), nullable=False),
        sa.Column("watchers", sa.Text(), server_default="", nullable=False),
        sa.Column("session_frequency", sa.String(), server_default="", nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=False),
        sa.Column("close_follow_up_until", sa.Date(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_returns_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["leave_id"], ["leaves.id"], name=op.f("fk_returns_leave_id_leaves"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_returns")),
        sa.UniqueConstraint("leave_id", name=op.f("uq_returns_leave_id")),
    )
    op.create_table(
        "session_amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_session_amendments_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_amendments_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_amendments")),
    )
    op.create_index(
        op.f("ix_session_amendments_session_id"), "session_amendments", ["session_id"], unique=False
    )
    op.create_table(
        "referral_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint(
            "state IN ('proposed', 'consent_pending', 'consent_given', 'consent_refused', 'sent', 'seen', 'feedback', 'closed', 'withdrawn')",
            name=op.f("ck_referral_events_state"),
        ),
        sa.ForeignKeyConstraint(
            ["by_id"], ["users.id"], name=op.f("fk_referral_events_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_referral_events_referral_id_referrals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_events")),
    )
    op.create_index(
        op.f("ix_referral_events_referral_id"), "referral_events", ["referral_id"], unique=False
    )
    # ### end Alembic commands ###


def downgrade() -> None:
    # Children before parents; dropping a table drops its indexes.
    op.drop_table("referral_events")
    op.drop_table("session_amendments")
    op.drop_table("returns")
    op.drop_table("referrals")
    op.drop_table("plan_measures")
    op.drop_table("notification_tasks")
    op.drop_table("concerns")
    op.drop_table("break_glass_records")
    op.drop_table("tier_changes")
    op.drop_table("student_groups")
    op.drop_table("sessions")
    op.drop_table("screening_results")
    op.drop_table("plans")
    op.drop_table("parent_contacts")
    op.drop_table("leaves")
    op.drop_table("guardians")
    op.drop_table("documents")
    op.drop_table("consents")
    op.drop_table("closures")
    op.drop_table("students")
    op.drop_table("transfers")
    op.drop_table("screening_batches")
    op.drop_table("school_cards")
    op.drop_table("policy_settings")
    op.drop_table("notice_templates")
    op.drop_table("group_activities")
    op.drop_table("classes")
    op.drop_table("users")
    op.drop_table("staff")
    op.drop_table("school_profile")
    op.drop_table("school_identity")
    op.drop_table("institutions")
    op.drop_table("audit_log")
