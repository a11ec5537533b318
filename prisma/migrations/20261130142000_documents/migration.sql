-- A document a collector uploads for Debitura: the file itself is stored here first (the outbox
-- keeps only its name in the action's payload), so the worker can send it, and send it again
-- after a failure, without the browser. One file per document_upload action; the row goes
-- once the action is sent (Debitura keeps the file from then on) or the action is deleted.
CREATE TABLE "outbound_documents" (
    "action_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "outbound_documents_pkey" PRIMARY KEY ("action_id"),
    CONSTRAINT "outbound_documents_size_check" CHECK ("size_bytes" = octet_length("content")),
    CONSTRAINT "outbound_documents_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "outbound_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
