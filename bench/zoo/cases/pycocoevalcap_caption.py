"""pycocoevalcap (the MS-COCO caption evaluation toolkit, ``tylin/coco-caption`` for Python 3:
the BLEU/METEOR/ROUGE-L/CIDEr scorer that BLIP's, LAVIS', ClipCap's and most captioning code
bases call after generating captions) scoring a synthetic result set as its example
(``example/coco_eval_example.py``) and README run it: ``coco = COCO(annFile)``,
``cocoRes = coco.loadRes(resFile)``, ``cocoEval = COCOEvalCap(coco, cocoRes)``,
``cocoEval.params['image_id'] = cocoRes.getImgIds()``, ``cocoEval.evaluate()``, then the
example's ``for metric, score in cocoEval.eval.items(): print(f'{metric}: {score:.3f}')``.
The data: 12 images, 3 to 5 reference captions each (``captions_val.json``, COCO's caption
annotation format), each a subject, an action and a place with an optional extra phrase and
some words swapped for synonyms; one candidate caption an image (``captions_val_results.json``),
drawn the same way, lower-cased, its subject, action or place sometimes wrong; all seeded.

It prints pycocotools' loading lines (``loading annotations into memory...``, ``Done
(t=0.00s)``, ``creating index...``, ``index created!``; ``Loading and preparing
results...``, ``DONE (t=0.00s)``), ``tokenization...``, twice the Stanford PTBTokenizer's
notice on stderr (``PTBTokenizer tokenized 537 tokens at 3637.07 tokens per second.``, the
references then the candidates; Java, the system's OpenJDK 17), ``setting up scorers...``,
``computing Bleu score...``, BLEU's diagnostic dict (``{'testlen': 122, 'reflen': 123,
'guess': [122, 110, 98, 86], 'correct': [96, 76, 60, 47]}``) and ``ratio:
0.991869918691123``, ``Bleu_1: 0.780`` to ``Bleu_4: 0.648``, ``computing METEOR score...``
(METEOR 1.5's jar on Java), ``METEOR: ...``, ``computing Rouge score...``, ``ROUGE_L: ...``,
``computing CIDEr score...``, ``CIDEr: ...``; then the example's loop prints the seven
values again in the same ``name: 0.123`` form.

SPICE is left out: ``COCOEvalCap.evaluate`` builds its scorer list in place, SPICE last, and
``Spice()`` downloads Stanford CoreNLP 3.6.0 (from nlp.stanford.edu) when it is built, which
fails offline before any score is computed; the library has no setting to skip it. So the
case does what users of the toolkit do (many captioning repositories carry ``eval.py`` with
the SPICE line commented out): ``COCOEvalCapNoSpice.evaluate`` below is the library's
``evaluate`` (pycocoevalcap 1.2) verbatim but for that one list entry, so every line it prints
is the toolkit's own.

Truth: ``cocoEval.eval``, the dict the toolkit keeps (``setEval``), its keys the names
(``Bleu_1``..``Bleu_4``, ``METEOR``, ``ROUGE_L``, ``CIDEr``), one value each with no step
(one evaluation; the example's loop prints the same dict again, no second evaluation), tolerance
0.0005 (``%0.3f``). Judgement calls: ``testlen``/``reflen`` (candidate and effective
reference lengths in tokens), ``guess``/``correct`` (n-gram counts) and ``ratio``
(testlen/reflen, the brevity-penalty input) are BLEU's diagnostics, counts and a length
ratio the scorer prints at ``verbose=1``, not metrics: not in the truth, and not in
``also_ok`` (``ratio`` is no score a user would track). The tokenizer's ``tokens per
second`` and pycocotools' ``t=`` load times are timings nothing records. The seven lines the
example's loop prints after ``evaluate()`` repeat the values ``evaluate()`` printed (the same
dict, no new evaluation): a reprint, no second point. Deterministic: the scores are exact
functions of the seeded captions; only the timings vary. It runs for 15 to 40 s on two
shared cores, most of it METEOR's JVM loading its paraphrase table.
"""
# zoo-venv: cocoevalcap

import json
import random
from importlib.metadata import version

from _truth import write_truth
from pycocoevalcap.bleu.bleu import Bleu
from pycocoevalcap.cider.cider import Cider
from pycocoevalcap.eval import COCOEvalCap
from pycocoevalcap.meteor.meteor import Meteor
from pycocoevalcap.rouge.rouge import Rouge
from pycocoevalcap.tokenizer.ptbtokenizer import PTBTokenizer
from pycocotools.coco import COCO

rng = random.Random(0)
SUBJECTS = ["a man", "a woman", "a dog", "a cat", "two children", "a young boy", "a girl",
            "a brown horse", "an old man", "a group of people", "a bird", "a small dog"]
ACTIONS = ["sitting on", "standing next to", "running across", "walking along",
           "lying on", "playing near", "looking at", "jumping over"]
PLACES = ["a wooden bench", "the beach", "a grassy field", "a busy street", "a red car",
          "the kitchen table", "a snowy hill", "a small river", "a park bench", "the sidewalk"]
EXTRAS = ["in the sun", "at night", "on a cloudy day", "with a ball", "near some trees", ""]
SYNONYMS = {"a man": "a guy", "a woman": "a lady", "a dog": "a puppy", "a cat": "a kitten",
            "two children": "two kids", "a young boy": "a little boy", "sitting on": "sitting at",
            "running across": "running through", "lying on": "laying on",
            "looking at": "staring at", "a grassy field": "a green field",
            "a busy street": "a crowded road", "the beach": "the shore"}


def caption(subject: str, action: str, place: str) -> str:
    words = [SYNONYMS.get(subject, subject) if rng.random() < 0.3 else subject,
             SYNONYMS.get(action, action) if rng.random() < 0.3 else action,
             SYNONYMS.get(place, place) if rng.random() < 0.3 else place,
             rng.choice(EXTRAS)]
    text = " ".join(w for w in words if w)
    return text[0].upper() + text[1:] + rng.choice([".", "", " ."])


images, annotations, results = [], [], []
for image_id in range(1, 13):
    images.append({"id": image_id, "file_name": f"COCO_val_{image_id:012d}.jpg",
                   "width": 640, "height": 480})
    subject, action, place = (rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(PLACES))
    for _ in range(rng.randint(3, 5)):
        annotations.append({"image_id": image_id, "id": len(annotations) + 1,
                            "caption": caption(subject, action, place)})
    # the candidate: mostly right, sometimes the wrong subject, action or place
    if rng.random() < 0.25:
        subject = rng.choice(SUBJECTS)
    if rng.random() < 0.3:
        action = rng.choice(ACTIONS)
    if rng.random() < 0.2:
        place = rng.choice(PLACES)
    results.append({"image_id": image_id, "caption": caption(subject, action, place).lower()})
with open("captions_val.json", "w", encoding="utf-8") as handle:
    json.dump({"info": {"description": "synthetic captions"}, "licenses": [], "type": "captions",
               "images": images, "annotations": annotations}, handle)
with open("captions_val_results.json", "w", encoding="utf-8") as handle:
    json.dump(results, handle)


class COCOEvalCapNoSpice(COCOEvalCap):
    def evaluate(self):  # pycocoevalcap 1.2's COCOEvalCap.evaluate without its SPICE entry
        imgIds = self.params['image_id']
        # imgIds = self.coco.getImgIds()
        gts = {}
        res = {}
        for imgId in imgIds:
            gts[imgId] = self.coco.imgToAnns[imgId]
            res[imgId] = self.cocoRes.imgToAnns[imgId]

        # =================================================
        # Set up scorers
        # =================================================
        print('tokenization...')
        tokenizer = PTBTokenizer()
        gts  = tokenizer.tokenize(gts)
        res = tokenizer.tokenize(res)

        # =================================================
        # Set up scorers
        # =================================================
        print('setting up scorers...')
        scorers = [
            (Bleu(4), ["Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4"]),
            (Meteor(),"METEOR"),
            (Rouge(), "ROUGE_L"),
            (Cider(), "CIDEr"),
            # (Spice(), "SPICE")
        ]

        # =================================================
        # Compute scores
        # =================================================
        for scorer, method in scorers:
            print('computing %s score...'%(scorer.method()))  # noqa: UP031
            score, scores = scorer.compute_score(gts, res)
            if type(method) == list:  # noqa: E721
                for sc, scs, m in zip(score, scores, method):  # noqa: B905
                    self.setEval(sc, m)
                    self.setImgToEvalImgs(scs, gts.keys(), m)
                    print("%s: %0.3f"%(m, sc))  # noqa: UP031
            else:
                self.setEval(score, method)
                self.setImgToEvalImgs(scores, gts.keys(), method)
                print("%s: %0.3f"%(method, score))  # noqa: UP031
        self.setEvalImgs()


annotation_file = 'captions_val.json'
results_file = 'captions_val_results.json'

# create coco object and coco_result object
coco = COCO(annotation_file)
coco_result = coco.loadRes(results_file)

# create coco_eval object by taking coco and coco_result
coco_eval = COCOEvalCapNoSpice(coco, coco_result)

# evaluate on a subset of images by setting
# coco_eval.params['image_id'] = coco_result.getImgIds()
# please remove this line when evaluating the full validation set
coco_eval.params['image_id'] = coco_result.getImgIds()

# evaluate results
coco_eval.evaluate()

# print output evaluation scores
for metric, score in coco_eval.eval.items():
    print(f'{metric}: {score:.3f}')

assert list(coco_eval.eval) == ["Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4", "METEOR", "ROUGE_L",
                                "CIDEr"], list(coco_eval.eval)
write_truth("pycocoevalcap", version("pycocoevalcap"),
            "COCOEvalCap.eval after evaluate() (setEval: each scorer's corpus score under its "
            "method name), one evaluation, SPICE left out",
            {name: {"key": "step", "values": [[None, float(score)]], "tolerance": 0.0005}
             for name, score in coco_eval.eval.items()},
            notes=f"{len(images)} images, {len(annotations)} reference captions, "
                  f"{len(results)} candidates; pycocotools {version('pycocotools')}")
