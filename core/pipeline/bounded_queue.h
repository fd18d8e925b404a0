#pragma once
// A blocking FIFO with a capacity: the back-pressure between pipeline stages. close() wakes
// everyone; after it, push() refuses and pop() drains what is left, then reports the end.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace dualx::pipeline {

template <typename T> class BoundedQueue {
public:
    explicit BoundedQueue(size_t capacity) : m_capacity(capacity ? capacity : 1) { }

    // Blocks while full. Returns false (and drops the item) once the queue is closed.
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed) return false;
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
        return true;
    }

    // Blocks while empty. Returns nullopt when closed and drained.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return m_closed || !m_items.empty(); });
        if (m_items.empty()) return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return item;
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

    // Fill level in [0, 1], for "which stage is the bottleneck".
    double occupancy() const
    {
        std::lock_guard lock(m_mutex);
        return static_cast<double>(m_items.size()) / static_cast<double>(m_capacity);
    }

    size_t capacity() const { return m_capacity; }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<T> m_items;
    size_t m_capacity;
    bool m_closed = false;
};

} // namespace dualx::pipeline
