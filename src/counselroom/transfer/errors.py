"""Why an archive, a school card or a backup was refused.

Each refusal names the check that failed (``check``), so a test can tell a wrong passphrase
from a bad hash, and carries its QT_TRANSLATE_NOOP template and data like a document reason
(services/document_reasons.Reason), so the CLI prints English and the window Chinese.
"""

from __future__ import annotations

from counselroom.domain.errors import CounselRoomError, fill

# What failed, in the order an archive is checked.
DECRYPT = "decrypt"  # not age, wrong identity or passphrase, a changed or cut byte
CONTAINER = "container"  # the tar/gzip inside is not one we write
SIZE = "size"  # a member or the whole over the limit (a decompression bomb)
PATH = "path"  # an absolute path, "..", a folder, a link, a name we never write
DUPLICATE = "duplicate"  # two members with one name
UNLISTED = "unlisted"  # a member the manifest does not list
MISSING = "missing"  # a member the manifest lists is absent
HASH = "hash"  # a member whose SHA-256 is not the manifest's
SIGNATURE = "signature"  # manifest.sig does not verify with the sender's key
VERSION = "version"  # a format or version this program does not read
SCHEMA = "schema"  # a JSON document that does not fit the format
UNTRUSTED = "untrusted"  # the sender's card is not on the trust list
KEY_CHANGED = "key-changed"  # a trusted school's name with a key the trust list does not hold
RECIPIENT = "recipient"  # the archive was not made for this school
CARD = "card"  # a school card file that is not valid
BACKUP = "backup"  # a backup file that is not valid or does not open


class ArchiveError(CounselRoomError):
    """A transfer archive, card or backup failed ``check``; nothing was changed."""

    def __init__(self, check: str, template: str, *args: object) -> None:
        self.check = check
        self.template = template
        self.args_text = tuple(str(arg) for arg in args)
        super().__init__(fill(template, *self.args_text))
