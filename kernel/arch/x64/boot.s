# x86-64 boot stub: QEMU (or GRUB) loads the flat image at 1 MiB via Multiboot 1
# and jumps to _start32 in 32-bit protected mode with paging off. We build an
# identity map of the low 4 GiB with 2 MiB pages, enter long mode, enable SSE
# (ilc emits SSE for plain struct copies, so this must precede any C#), and
# call kmain(multiboot magic, multiboot info, __modules start, __modules end).
	.intel_syntax noprefix

	.set MB_MAGIC, 0x1BADB002
	.set MB_FLAGS, (1 << 1) | (1 << 16)   # bit 1: memory info; bit 16: address fields below are valid

	.section .multiboot, "a"
	.align 4
multiboot_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)
	.long multiboot_header                # header_addr
	.long __image_start                   # load_addr: the flat file is loaded here
	.long __load_end                      # load_end_addr: must equal the file's end
	.long __bss_end                       # bss_end_addr: the loader zeroes up to here
	.long _start32                        # entry_addr

	.section .boot, "ax"
	.code32
	.global _start32
_start32:
	cli
	mov esp, offset boot_stack_top
	mov [multiboot_magic], eax
	mov [multiboot_info], ebx

	# PML4[0] -> PDPT; PDPT[0..3] -> four page directories (one per GiB).
	mov eax, offset pdpt
	or eax, 0x3                           # present | writable
	mov [pml4], eax
	xor ecx, ecx
1:	mov eax, ecx
	shl eax, 12
	add eax, offset page_directories
	or eax, 0x3
	mov [pdpt + ecx * 8], eax
	inc ecx
	cmp ecx, 4
	jne 1b

	# 2048 x 2 MiB pages = 4 GiB identity map. The top GiB holds the local APIC,
	# the IO APIC and PCI windows: map it cache-disabled (PCD | PWT).
	xor ecx, ecx
2:	mov eax, ecx
	shl eax, 21
	or eax, 0x83                          # present | writable | 2 MiB page
	cmp ecx, 1536
	jb 3f
	or eax, 0x18                          # PWT | PCD
3:	mov [page_directories + ecx * 8], eax
	inc ecx
	cmp ecx, 2048
	jne 2b

	mov eax, offset pml4
	mov cr3, eax
	mov eax, cr4
	or eax, 1 << 5                        # PAE, required for long mode
	mov cr4, eax
	mov ecx, 0xC0000080                   # IA32_EFER
	rdmsr
	or eax, 1 << 8                        # LME
	wrmsr
	mov eax, cr0
	or eax, 1 << 31                       # PG (PE is already set): long mode becomes active
	mov cr0, eax
	lgdt [gdt64_pointer]
	# Far jump into the 64-bit code segment (selector 0x08): encoded by hand,
	# EA ptr16:32, because the mnemonic differs between assemblers.
	.byte 0xEA
	.long _start64
	.word 0x08

	.code64
_start64:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor eax, eax
	mov fs, ax
	mov gs, ax

	# SSE: CR0.EM = 0, CR0.MP = 1, CR4.OSFXSR | CR4.OSXMMEXCPT.
	mov rax, cr0
	and rax, ~(1 << 2)
	or rax, 1 << 1
	mov cr0, rax
	mov rax, cr4
	or rax, (1 << 9) | (1 << 10)
	mov cr4, rax

	lea rsp, [rip + boot_stack_top]
	xor ebp, ebp
	mov edi, [rip + multiboot_magic]
	mov esi, [rip + multiboot_info]
	lea rdx, [rip + __modules_start]
	lea rcx, [rip + __modules_end]
	call kmain
4:	cli
	hlt
	jmp 4b

	.section .rodata
	.align 16
gdt64:
	.quad 0                               # null
	.quad 0x00AF9A000000FFFF              # 0x08: 64-bit code, ring 0
	.quad 0x00CF92000000FFFF              # 0x10: data, ring 0
gdt64_end:
gdt64_pointer:
	.word gdt64_end - gdt64 - 1
	.quad gdt64

	.section .bss
	.align 4096
pml4:
	.skip 4096
pdpt:
	.skip 4096
page_directories:
	.skip 4096 * 4
	.align 16
boot_stack:
	.skip 64 * 1024
boot_stack_top:
multiboot_magic:
	.skip 4
multiboot_info:
	.skip 4

	.section .note.GNU-stack, "", @progbits
