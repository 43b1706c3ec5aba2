#!/bin/sh
# Regenerate the translation catalogue after changing strings in the window code.
#
#   1. pyside6-lupdate collects every self.tr(...) / translate("context", ...) string from
#      src/counselroom/ui and app.py into counselroom_zh_CN.ts, keeping existing translations
#      and dropping strings that are no longer used (-no-obsolete). It also reads domain/,
#      intake/, services/ and transfer/: they import no Qt, but their data problems are templates marked
#      QT_TRANSLATE_NOOP("problems", ...) (counselroom.domain.errors), which the window
#      translates (ui/problem_text.py).
#   2. Translate the new entries (Qt Linguist: `pyside6-linguist counselroom_zh_CN.ts`, or edit
#      the XML) and remove their type="unfinished". tests/ui/test_translations.py fails while
#      any entry is unfinished or its %1/%n placeholders differ from the source.
#   3. Run this script again: pyside6-lrelease builds counselroom_zh_CN.qm, which the program
#      loads. Commit both the .ts and the .qm.
#
# Run from anywhere: ./resources/translations/update.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
files=$(find src/counselroom/ui src/counselroom/domain src/counselroom/intake \
    src/counselroom/services src/counselroom/transfer -name '*.py' | sort)
for lang in zh_CN; do
    pyside6-lupdate -no-obsolete -locations relative $files src/counselroom/app.py \
        -ts "resources/translations/counselroom_$lang.ts"
    pyside6-lrelease "resources/translations/counselroom_$lang.ts" \
        -qm "resources/translations/counselroom_$lang.qm"
done
