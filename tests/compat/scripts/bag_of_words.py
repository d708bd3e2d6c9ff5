# A bag-of-embeddings sentiment classifier over a toy vocabulary: tokenising, padding, Embedding,
# masked mean pooling, training and predicting labels for new sentences.
import torch
import torch.nn as nn

train = [
    ("a great movie with a great cast", 1), ("terrible plot and awful acting", 0),
    ("i loved it", 1), ("boring and too long", 0), ("wonderful and moving story", 1),
    ("the worst film this year", 0), ("great fun", 1), ("awful", 0),
]
vocab = {"<pad>": 0}
for sentence, _ in train:
    for word in sentence.split():
        vocab.setdefault(word, len(vocab))
print("vocabulary size:", len(vocab))


def encode(sentence, length=7):
    ids = [vocab.get(w, 0) for w in sentence.split()][:length]
    return ids + [0] * (length - len(ids))


X = torch.tensor([encode(s) for s, _ in train])
Y = torch.tensor([label for _, label in train], dtype=torch.float32)
print("batch:", X.shape, X.dtype)


class BagOfWords(nn.Module):
    def __init__(self, vocab_size, dim=6):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.out = nn.Linear(dim, 1)

    def forward(self, ids):
        mask = (ids != 0).float().unsqueeze(-1)
        summed = (self.embedding(ids) * mask).sum(1)
        return self.out(summed / mask.sum(1).clamp(min=1)).squeeze(-1)


model = BagOfWords(len(vocab))
with torch.no_grad():
    model.embedding.weight.copy_(torch.arange(len(vocab) * 6, dtype=torch.float32).reshape(-1, 6).mul(0.7).sin())
    model.embedding.weight[0].zero_()
    model.out.weight.fill_(0.1)
    model.out.bias.zero_()
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.RMSprop(model.parameters(), lr=0.05)
for epoch in range(40):
    optimizer.zero_grad()
    loss = criterion(model(X), Y)
    loss.backward()
    optimizer.step()
    if epoch % 10 == 9:
        acc = ((model(X) > 0).float() == Y).float().mean().item()
        print(f"epoch {epoch + 1}: loss {loss.item():.4f}, train accuracy {acc:.2f}")

model.eval()
with torch.no_grad():
    for sentence in ["a wonderful cast", "awful and boring", "i loved the story"]:
        p = torch.sigmoid(model(torch.tensor([encode(sentence)]))).item()
        print(f"{sentence!r}: {'positive' if p > 0.5 else 'negative'} ({p:.3f})")
