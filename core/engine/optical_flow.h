#pragma once
// Dense optical flow as temporal fusion and the aligned-neighbour input use it: OpenCV's DIS on
// 8-bit lumas at whatever size suits the caller, handed back at the size of the frames it warps.
// Internal to dualx_core (OpenCV is linked there, never exposed).
#include <opencv2/core.hpp>
#include <opencv2/video/tracking.hpp>

namespace dualx::engine {

// Where each pixel of `from` lies in `to` (two 8-bit lumas of one size), as CV_32FC2 at `size`,
// in pixels of that size. Lumas smaller than 16 pixels a side give zero motion.
cv::Mat flowAtSize(cv::DISOpticalFlow& dis, const cv::Mat& from, const cv::Mat& to, cv::Size size);

// CV_32FC2 of each pixel's own (x, y): added to a flow, the map cv::remap warps by.
cv::Mat pixelGrid(cv::Size size);

} // namespace dualx::engine
