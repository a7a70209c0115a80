#!/usr/bin/env bash
# handout_test: the printed take-home handout as a patient gets it, through the tools a reader
# would use — pdfinfo (US Letter by default, A4 on request, at most two pages), pdftotext (every
# step of every exercise word for word, its counts as the page gives them, the disclaimer, the
# clinic, both phone numbers and the address, in English and in Spanish), pdftoppm and zbarimg
# (each page rendered; the QR code on it dials the clinic), and the drawings (--handout
# FILE.json) against --dump-pose at the same times: every hold drawn is the choreography's hold,
# its limbs where the joints are. Bad requests: one clear line and nothing written.
# Usage: handout_test.sh BINARY SOURCE_DIR OUT_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
failures=0 passed=0
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
content=$src/assets/content

# flatten FILE: the PDF's text on one line, spaces squeezed (a step may wrap)
flatten() { pdftotext -enc UTF-8 "$1" - | tr '\n' ' ' | tr -s ' '; }
# has TEXT WHAT: the flattened text holds TEXT
has() { if grep -qF -- "$1" "$out/flat.txt"; then ok; else bad "$2: '$1' not in the handout's text"; fi; }
# words LANG steps|titles|SECTION.KEY: those texts of the language's words file as the show
# shows them, one a line (tests/handout_words.py)
words() { python3 "$src/tests/handout_words.py" "$content/$1.yaml" "$2"; }

for lang in en es; do
  pdf=$out/handout-$lang.pdf
  "$bin" --handout "$pdf" --lang "$lang" >"$out/$lang.out" 2>"$out/$lang.err"
  rc=$?
  [ "$rc" = 0 ] && ok || bad "$lang: exit $rc ($(cat "$out/$lang.err"))"
  [ -s "$out/$lang.err" ] && bad "$lang: it said something: $(cat "$out/$lang.err")" || ok
  pdfinfo "$pdf" >"$out/$lang.info" 2>&1
  grep -qE "^Page size: +612 x 792 pts \(letter\)" "$out/$lang.info" && ok ||
    bad "$lang: not US Letter: $(grep 'Page size' "$out/$lang.info")"
  pages=$(awk '/^Pages:/ {print $2}' "$out/$lang.info")
  [ -n "$pages" ] && [ "$pages" -ge 1 ] && [ "$pages" -le 2 ] && ok || bad "$lang: $pages pages, at most 2"
  flatten "$pdf" >"$out/flat.txt"
  cp "$out/flat.txt" "$out/$lang.txt"
  # every step of every exercise, word for word, and each exercise's counts
  while IFS= read -r line; do
    [ -n "$line" ] && has "$line" "$lang step"
  done < <(words "$lang" steps)
  while IFS= read -r line; do
    [ -n "$line" ] && has "$line" "$lang title"
  done < <(words "$lang" titles)
  for key in contact.body contact.severe contact.call; do
    has "$(words "$lang" "$key")" "$lang $key"
  done
  for t in "(209) 830-1799" "(209) 208-4182" "227 East 11th Street Tracy, CA 95376" "Birch Pain & Spine Group"; do
    has "$t" "$lang clinic"
  done
  # each page as a picture: the QR code on it dials the clinic
  pdftoppm -r 150 -png "$pdf" "$out/page-$lang" 2>"$out/ppm.err"
  n=$(ls "$out"/page-"$lang"-*.png 2>/dev/null | wc -l)
  [ "$n" = "$pages" ] && ok || bad "$lang: pdftoppm made $n pages of $pages ($(cat "$out/ppm.err"))"
  codes=$(zbarimg -q --raw "$out"/page-"$lang"-*.png 2>/dev/null)
  [ "$codes" = "tel:+12098301799" ] && ok || bad "$lang: the QR codes read '$codes', expected tel:+12098301799"
done
# the counts as the clinic's page gives them
cp "$out/en.txt" "$out/flat.txt"
for t in "10 deep breaths each side" "20 to 30 seconds" "10–15 repetitions" "4–5 times"; do
  has "$t" "en counts"
done
cp "$out/es.txt" "$out/flat.txt"
for t in "10 respiraciones profundas" "20 a 30 segundos" "10–15 repeticiones" "4–5 veces"; do
  has "$t" "es counts"
done

# A4 on request; PNG pages; the drawings as JSON
"$bin" --handout "$out/a4.pdf" --paper a4 >/dev/null 2>"$out/a4.err" && ok || bad "a4: $(cat "$out/a4.err")"
pdfinfo "$out/a4.pdf" 2>/dev/null | grep -qE "^Page size: +595\.2[0-9]* x 841\.8[0-9]* pts \(A4\)" && ok ||
  bad "--paper a4: $(pdfinfo "$out/a4.pdf" 2>&1 | grep 'Page size')"
"$bin" --handout "$out/pages.png" >/dev/null 2>"$out/png.err" && ok || bad "png: $(cat "$out/png.err")"
for f in "$out"/pages-*.png; do
  [ "$(identify -format '%w %h' "$f" 2>/dev/null)" = "1275 1650" ] && ok || bad "$f: not a 150 dpi Letter page"
done
[ -n "$(zbarimg -q --raw "$out"/pages-*.png 2>/dev/null)" ] && ok || bad "png pages: no QR code read"

# the drawings are the choreography's holds: each still's time given to --dump-pose is in a
# hold (a start pose: not moving), on the still's side, and the still's limbs end where the
# dumped joints project through the still's camera
"$bin" --handout "$out/stills.json" >/dev/null 2>"$out/json.err" && ok || bad "json: $(cat "$out/json.err")"
python3 "$src/tests/handout_stills.py" "$bin" "$out/stills.json" >"$out/stills.log" 2>&1
rc=$?
cat "$out/stills.log"
[ "$rc" = 0 ] && ok || bad "the stills against --dump-pose (above)"

# bad requests: exit 2 or 1 with one line, and no file left behind
"$bin" --handout "$out/x.txt" >/dev/null 2>"$out/err"
[ $? = 2 ] && [ "$(wc -l <"$out/err")" = 1 ] && grep -q "must end in .pdf, .png or .json" "$out/err" && ok ||
  bad "a .txt handout: $(cat "$out/err")"
[ -e "$out/x.txt" ] && bad "a .txt handout was written" || ok
"$bin" --handout "$out/no/such/dir/h.pdf" >/dev/null 2>"$out/err"
[ $? = 1 ] && [ "$(wc -l <"$out/err")" = 1 ] && grep -q "cannot write" "$out/err" && ok ||
  bad "an unwritable handout: $(cat "$out/err")"
"$bin" --paper a4 >/dev/null 2>"$out/err"
[ $? = 2 ] && grep -q -- "--paper only applies to --handout" "$out/err" && ok || bad "--paper alone: $(cat "$out/err")"
"$bin" --handout "$out/y.pdf" --paper b5 >/dev/null 2>"$out/err"
[ $? = 2 ] && grep -q "letter" "$out/err" && ok || bad "--paper b5: $(cat "$out/err")"
# a content whose bold font is missing: said, and no handout
mkdir -p "$out/nofont"
cp -r "$content" "$out/nofont/content"
sed -i 's#font_bold: fonts/Inter-SemiBold.otf#font_bold: fonts/Missing-Bold.otf#' "$out/nofont/content/show.yaml"
"$bin" --handout "$out/nofont/h.pdf" --content "$out/nofont/content/show.yaml" >/dev/null 2>"$out/err"
rc=$?
[ "$rc" != 0 ] && grep -q "Missing-Bold.otf" "$out/err" && ok || bad "a missing font: exit $rc: $(cat "$out/err")"
[ -e "$out/nofont/h.pdf" ] && bad "a handout was written without its font" || ok

echo "handout_test: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
