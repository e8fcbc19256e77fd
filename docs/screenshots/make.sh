#!/usr/bin/env bash
# Regenerate the text snapshots of `track ls`, `track show` and `track diff` at 80 columns
# from two real runs of examples/train.py (two learning rates) in a scratch git repo.
# Plain text: what rich renders with colour off (identical to its export_text()).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export TRACK_HOME="$scratch/store" COLUMNS=80 NO_COLOR=1
mkdir "$scratch/project" && cd "$scratch/project"
cp "$here/../../examples/train.py" .
printf 'checkpoints/\n' > .gitignore
git init -q -b main && git add -A
git -c user.name=Demo -c user.email=demo@example.com commit -qm "logistic regression"
track run --name baseline -- python train.py --lr 0.05 --epochs 8 > /dev/null
sed -i 's/default=32/default=64/' train.py   # an uncommitted change, recorded as a patch
track run --name fast -- python train.py --lr 0.5 --epochs 8 > /dev/null
for view in "ls" "show" "diff"; do
    { echo "\$ track $view"; track $view; } | sed "s#$scratch#/tmp/demo#g" > "$here/$view.txt"
done
# `track plot` (text at 80x24) and `track report` (a Chromium screenshot of the page) of
# three runs: the two above and a third learning rate.
track run --name slow -- python train.py --lr 0.01 --epochs 8 > /dev/null
{ echo "\$ track plot val_loss --where epochs=8"; LINES=24 track plot val_loss --where epochs=8; } \
    > "$here/plot.txt"
track report --where epochs=8 -o "$scratch/report.html" > /dev/null
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
    --screenshot="$here/report.png" "file://$scratch/report.html" 2> /dev/null
