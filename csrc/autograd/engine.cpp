#include "autograd/engine.h"

#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "autograd/grad_mode.h"
#include "autograd/node.h"
#include "ops/ops.h"

namespace fg::autograd {

namespace {

struct ByNewestFirst {
  // Later-recorded nodes run first, as in torch: with dependency counts any order is correct, and
  // this one matches torch's gradient summation order.
  bool operator()(const Node* a, const Node* b) const { return a->seq_nr < b->seq_nr; }
};

// Every node reachable from the roots, with the number of edges pointing at it. Iterative: a
// 100,000-op chain must not overflow the stack.
std::unordered_map<Node*, int> count_dependencies(const std::vector<Node*>& roots) {
  std::unordered_map<Node*, int> deps;
  std::unordered_set<Node*> seen;
  std::vector<Node*> stack;
  for (Node* r : roots)
    if (seen.insert(r).second) stack.push_back(r);
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    for (const Edge& e : n->next_edges) {
      if (!e.fn) continue;
      Node* c = e.fn.get();
      ++deps[c];
      if (seen.insert(c).second) stack.push_back(c);
    }
  }
  return deps;
}

// Nodes from which some capture target can be reached: only those need to run for autograd.grad.
std::unordered_set<Node*> nodes_leading_to(const std::vector<Node*>& roots, const std::unordered_set<Node*>& targets) {
  std::unordered_set<Node*> needed, visited;
  // iterative post-order DFS
  std::vector<std::pair<Node*, size_t>> stack;
  for (Node* r : roots) {
    if (!visited.insert(r).second) continue;
    stack.push_back({r, 0});
    while (!stack.empty()) {
      auto& [n, i] = stack.back();
      if (i < n->next_edges.size()) {
        Node* c = n->next_edges[i++].fn.get();
        if (c && visited.insert(c).second) stack.push_back({c, 0});
        continue;
      }
      bool need = targets.count(n) > 0;
      for (const Edge& e : n->next_edges)
        if (e.fn && needed.count(e.fn.get())) need = true;
      if (need) needed.insert(n);
      stack.pop_back();
    }
  }
  return needed;
}

Tensor check_and_cast_grad(const Node& node, size_t i, const Tensor& g) {
  const TensorMeta& meta = node.input_meta[i];
  FG_CHECK(g->shape == meta.shape, RuntimeError, "Function ", node.name(), " returned an invalid gradient at index ", i,
           " - got ", shape_str(g->shape), " but expected shape compatible with ", shape_str(meta.shape));
  if (g->dtype != meta.dtype) return ops::to_dtype(g, meta.dtype);
  return g;
}

}  // namespace

TensorList run_backward(const TensorList& roots, const TensorList& grad_roots, bool keep_graph, bool create_graph,
                        const TensorList& inputs, bool allow_unused) {
  FG_CHECK(roots.size() == grad_roots.size(), RuntimeError, "grad can be implicitly created only for scalar outputs");
  AutoGradMode mode(create_graph);

  // Seed: the gradient of each root flows into the root's edge.
  std::vector<std::pair<Edge, Tensor>> seeds;
  for (size_t i = 0; i < roots.size(); ++i) {
    const Tensor& r = roots[i];
    FG_CHECK(r->needs_grad(), RuntimeError, "element ", i, " of tensors does not require grad and does not have a grad_fn");
    Tensor g = grad_roots[i];
    if (!g) {
      FG_CHECK(r->numel() == 1, RuntimeError, "grad can be implicitly created only for scalar outputs");
      g = ops::ones(r->shape, r->dtype);
    } else {
      FG_CHECK(g->shape == r->shape, RuntimeError, "Mismatch in shape: grad_output[", i, "] has a shape of ",
               shape_str(g->shape), " and output[", i, "] has a shape of ", shape_str(r->shape), ".");
    }
    seeds.push_back({gradient_edge(r), g});
  }

  // Capture targets for autograd.grad: (node, input slot) -> position in `inputs`.
  const bool capture_mode = !inputs.empty();
  std::unordered_map<Node*, std::vector<std::pair<uint32_t, size_t>>> captures;
  std::unordered_set<Node*> capture_nodes;
  TensorList results(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Tensor& t = inputs[i];
    FG_CHECK(t->needs_grad(), RuntimeError, "One of the differentiated Tensors does not require grad");
    Edge e = t->grad_fn() ? Edge{t->grad_fn(), t->output_nr()}
                          : Edge{t->autograd_meta ? t->autograd_meta->grad_accumulator.lock() : nullptr, 0};
    if (!e.fn) continue;  // a leaf never used in the graph
    captures[e.fn.get()].push_back({e.input_nr, i});
    capture_nodes.insert(e.fn.get());
  }

  std::vector<Node*> root_nodes;
  for (auto& s : seeds) root_nodes.push_back(s.first.fn.get());
  auto deps = count_dependencies(root_nodes);
  std::unordered_set<Node*> needed;
  if (capture_mode) needed = nodes_leading_to(root_nodes, capture_nodes);

  std::unordered_map<Node*, TensorList> buffers;
  std::priority_queue<Node*, std::vector<Node*>, ByNewestFirst> ready;
  // Keeps every node alive while it runs, even if a hook or release drops the last outside owner.
  std::vector<std::shared_ptr<Node>> keep_alive;

  auto accumulate = [&](const Edge& e, Tensor g) {
    Node* n = e.fn.get();
    auto& buf = buffers[n];
    if (buf.empty()) buf.resize(n->output_meta.size());
    Tensor& slot = buf[e.input_nr];
    slot = slot ? ops::add(slot, g) : std::move(g);
  };

  for (auto& [edge, g] : seeds) {
    keep_alive.push_back(edge.fn);
    accumulate(edge, g);
  }
  for (auto& [edge, g] : seeds) {
    Node* n = edge.fn.get();
    if (deps[n] == 0) {
      deps[n] = -1;  // queued
      ready.push(n);
    }
  }

  while (!ready.empty()) {
    Node* node = ready.top();
    ready.pop();
    TensorList grads = std::move(buffers[node]);
    buffers.erase(node);
    grads.resize(node->output_meta.size());

    for (auto& [slot, hook] : node->pre_hooks) {
      if (slot < grads.size() && grads[slot]) {
        Tensor r = hook(grads[slot]);
        if (r) grads[slot] = r;
      }
    }
    if (capture_mode) {
      auto it = captures.find(node);
      if (it != captures.end())
        for (auto& [slot, pos] : it->second)
          if (slot < grads.size() && grads[slot]) results[pos] = grads[slot];
    }

    bool run = true;
    if (capture_mode) run = needed.count(node) && !dynamic_cast<AccumulateGrad*>(node);
    bool any = false;
    for (auto& g : grads) any = any || g;
    TensorList outs;
    if (run && any) {
      for (size_t i = 0; i < grads.size(); ++i)
        if (!grads[i]) grads[i] = ops::zeros(node->output_meta[i].shape, node->output_meta[i].dtype);
      outs = node->apply(std::move(grads));
      if (!keep_graph) node->release_saved();
    }
    for (size_t i = 0; i < node->next_edges.size(); ++i) {
      const Edge& e = node->next_edges[i];
      if (!e.fn) continue;
      Node* child = e.fn.get();
      if (i < outs.size() && outs[i]) {
        keep_alive.push_back(e.fn);
        accumulate(e, check_and_cast_grad(*node, i, outs[i]));
      }
      if (--deps[child] == 0) {
        keep_alive.push_back(e.fn);
        ready.push(child);
      }
    }
  }

  if (capture_mode) {
    for (size_t i = 0; i < inputs.size(); ++i)
      FG_CHECK(results[i] || allow_unused, RuntimeError,
               "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True "
               "if this is the desired behavior.");
  }
  return results;
}

}  // namespace fg::autograd
