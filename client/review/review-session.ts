/** One draft under review: its text, proposals and decisions from the server, and the writes that change them, in order. */
import type {
  CommitResponse,
  Decision,
  DecisionInput,
  DraftResponse,
  PreviewResponse,
  ReviewResponse,
  SelectionInput,
} from "../../common/api-types.js";
import { api } from "../api/client.js";
import { draftsApi } from "../api/drafts.js";
import { errorMessage } from "../ui/context.js";
import { decisionsByItem, latestDecision, localProgress, type ReviewItem, reviewItems } from "./model.js";

/** Node names read per draft at most (one request each, in parallel; an article names a few dozen at most). */
const MAX_NAMES = 60;

export class ReviewSession {
  readonly draftId: string;
  draft: DraftResponse | undefined;
  review: ReviewResponse | undefined;
  items: ReviewItem[] = [];
  decisions: Map<string, Decision> = new Map();
  /** A readable message when loading the draft or its review failed ("" when it did not). */
  error = "";
  preview: PreviewResponse | undefined;
  previewError = "";
  previewLoading = false;
  committed: CommitResponse | undefined;
  committing = false;
  /** Names of nodes by id: of those the proposals resolve to, and those the reviewer linked through search. */
  readonly names = new Map<string, string>();
  /** Writes run one after another, so decisions reach the server in the order they were made. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #changed: () => void;
  readonly #failed: (error: unknown) => void;

  constructor(draftId: string, changed: () => void, failed: (error: unknown) => void) {
    this.draftId = draftId;
    this.#changed = changed;
    this.#failed = failed;
  }

  get progress() {
    return this.review?.progress ?? localProgress(this.items, this.decisions);
  }

  /** Loads the draft, then its review (a draft without a review yet still shows its proposals). */
  async load(known?: DraftResponse): Promise<void> {
    try {
      this.draft = known ?? (await draftsApi.get(this.draftId));
    } catch (error) {
      this.error = errorMessage(error);
      this.#changed();
      return;
    }
    this.#apply(undefined);
    void this.#readNames();
    try {
      this.#apply(await draftsApi.review(this.draftId));
    } catch (error) {
      this.error = `The review could not load: ${errorMessage(error)}`;
      this.#changed();
    }
  }

  /**
   * The names of the nodes the proposals resolve to, so the list says "→ Sergey Lavrov" rather than an id; a
   * node that cannot be read keeps its id.
   */
  async #readNames(): Promise<void> {
    const ids = [...new Set(this.items.flatMap((item) => (item.entity ? [item.entity] : [])))].slice(0, MAX_NAMES);
    await Promise.all(
      ids.map(async (id) => {
        try {
          this.names.set(id, (await api.node(id)).node.label);
        } catch {
          // The id is shown instead.
        }
      }),
    );
    this.#changed();
  }

  #apply(review: ReviewResponse | undefined): void {
    if (review) {
      this.review = review;
      this.error = "";
    }
    if (this.draft) this.items = reviewItems(this.draft, this.review);
    this.decisions = decisionsByItem(this.review);
    // What the preview showed is stale once anything changes.
    if (review) this.preview = undefined;
    this.#changed();
  }

  /** Runs a write after the ones before it; its answer becomes the review. */
  #write(work: () => Promise<ReviewResponse>): Promise<boolean> {
    const next = this.#queue.then(async () => {
      try {
        this.#apply(await work());
        return true;
      } catch (error) {
        this.#failed(error);
        return false;
      }
    });
    this.#queue = next;
    return next;
  }

  decide(decisions: DecisionInput[]): Promise<boolean> {
    if (decisions.length === 0) return Promise.resolve(true);
    return this.#write(() => draftsApi.decide(this.draftId, decisions));
  }

  /** Undoes the newest decision; resolves with the item it was about, or undefined when there was none. */
  async undo(): Promise<string | undefined> {
    await this.#queue;
    const last = latestDecision(this.review);
    if (!last) return undefined;
    return (await this.#write(() => draftsApi.undo(this.draftId, last.id))) ? last.proposal : undefined;
  }

  /** Adds a selection; resolves with its id once the server has it. */
  async select(selection: SelectionInput): Promise<string | undefined> {
    const before = new Set(this.review?.selections.map((each) => each.id));
    const ok = await this.#write(() => draftsApi.select(this.draftId, selection));
    return ok ? this.review?.selections.find((each) => !before.has(each.id))?.id : undefined;
  }

  unselect(selectionId: string): Promise<boolean> {
    return this.#write(() => draftsApi.unselect(this.draftId, selectionId));
  }

  /** Asks for the preview; `keepError` keeps the message of a failed commit on screen. */
  async loadPreview(keepError = false): Promise<void> {
    await this.#queue;
    this.previewLoading = true;
    if (!keepError) this.previewError = "";
    this.#changed();
    try {
      this.preview = await draftsApi.preview(this.draftId);
    } catch (error) {
      this.previewError = errorMessage(error);
    } finally {
      this.previewLoading = false;
      this.#changed();
    }
  }

  async commit(): Promise<void> {
    this.committing = true;
    this.previewError = "";
    this.#changed();
    try {
      this.committed = await draftsApi.commit(this.draftId);
    } catch (error) {
      // A 422 lists the dataset's problems in `details`; the preview shows them once read again.
      this.previewError = errorMessage(error);
      void this.loadPreview(true);
    } finally {
      this.committing = false;
      this.#changed();
    }
  }
}
