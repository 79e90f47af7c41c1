-- Minimal Neovim config for the e2e test: the repository's editors/nvim folder
-- on 'runtimepath' and its setup(), exactly as the README tells users to do.
local repo = assert(vim.env.BAOGAO_REPO, 'BAOGAO_REPO is not set')
local bin = assert(vim.env.BAOGAO_BIN, 'BAOGAO_BIN is not set')

vim.opt.runtimepath:prepend(repo .. '/editors/nvim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local opts = { cmd = { bin, 'lsp' } }
-- Neovim offers UTF-8, UTF-16 and UTF-32 and the server picks UTF-8; the
-- test runs again offering only UTF-16, what most other editors speak.
if vim.env.BAOGAO_POSITION_ENCODING then
  opts.capabilities = { general = { positionEncodings = { vim.env.BAOGAO_POSITION_ENCODING } } }
end
require('baogao').setup(opts)
